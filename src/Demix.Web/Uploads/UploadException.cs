namespace Demix.Web.Uploads;

/// <summary>An upload or request the server refuses, with the HTTP status and a message for the user.</summary>
public sealed class UploadException(int statusCode, string message) : Exception(message)
{
    /// <summary>400 bad input, 413 too large, 415 not audio, 404 unknown song, 503 too many jobs.</summary>
    public int StatusCode { get; } = statusCode;
}
