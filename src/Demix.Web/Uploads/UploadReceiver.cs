using Demix.Web.Jobs;
using Microsoft.AspNetCore.Http;

namespace Demix.Web.Uploads;

/// <summary>
/// Streams an upload (the raw request body) into a new job folder, refusing it, and deleting the folder,
/// when it is empty, larger than <see cref="ServeOptions.MaxUploadBytes"/>, not audio by content, or a
/// WAV/other file whose header is truncated or corrupt. Nothing of the request but its bytes reaches the disk.
/// </summary>
public sealed class UploadReceiver
{
    private const string UploadFileName = "upload.bin";

    /// <summary>
    /// Bytes of a too-large body still read (and dropped) before answering 413: a server that answers and
    /// closes while the client is still sending makes the client see a reset instead of the message.
    /// </summary>
    public const long DrainBytes = 16L * 1024 * 1024;
    private readonly JobStore store;
    private readonly long maxBytes;

    public UploadReceiver(JobStore store, ServeOptions options)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        maxBytes = (options ?? throw new ArgumentNullException(nameof(options))).MaxUploadBytes;
    }

    /// <summary>Saves and checks the body of <paramref name="request"/>; returns the new job id, its folder and the saved file.</summary>
    /// <exception cref="UploadException">The upload is refused; no file is left.</exception>
    public async Task<(Guid Id, string Folder, string Path)> ReceiveAsync(HttpRequest request, string displayName, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0) throw Empty(displayName);
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + DrainBytes;
        }
        if (request.ContentLength > maxBytes)
        {
            await DrainAsync(request.Body, cancellation);
            throw TooLarge(displayName);
        }
        (Guid id, string folder) = store.NewFolder();
        string path = Path.Combine(folder, UploadFileName);
        try
        {
            byte[] header = await CopyAsync(request.Body, path, displayName, cancellation);
            AudioContainer container = AudioSniffer.Detect(header);
            if (container == AudioContainer.Unknown)
            {
                throw new UploadException(StatusCodes.Status415UnsupportedMediaType,
                    $"'{displayName}' is not an audio file: its content is not WAV, MP3, AAC, FLAC, Ogg, MP4/M4A, AIFF or Matroska/WebM (the file name is not trusted).");
            }
            await Task.Run(() => UploadValidator.Check(path, container, displayName), cancellation);
            return (id, folder, path);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            JobStore.DeleteFolder(folder);
            throw TooLarge(displayName);
        }
        catch
        {
            JobStore.DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>Copies the body to <paramref name="path"/>, counting bytes; returns the first <see cref="AudioSniffer.HeaderBytes"/> bytes.</summary>
    private async Task<byte[]> CopyAsync(Stream body, string path, string displayName, CancellationToken cancellation)
    {
        var header = new List<byte>(AudioSniffer.HeaderBytes);
        var buffer = new byte[81920];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
        {
            for (int read; (read = await body.ReadAsync(buffer, cancellation)) > 0;)
            {
                total += read;
                if (total > maxBytes)
                {
                    await DrainAsync(body, cancellation);
                    throw TooLarge(displayName);
                }
                for (int i = 0; i < read && header.Count < AudioSniffer.HeaderBytes; i++) header.Add(buffer[i]);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
            }
        }
        if (total == 0) throw Empty(displayName);
        return [.. header];
    }

    /// <summary>Reads and drops the rest of a refused body, up to <see cref="DrainBytes"/> (Kestrel stops it there).</summary>
    private static async Task DrainAsync(Stream body, CancellationToken cancellation)
    {
        var buffer = new byte[81920];
        try
        {
            while (await body.ReadAsync(buffer, cancellation) > 0) { }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // Past the drain allowance: the connection will be closed; the client may miss the message.
        }
    }

    private static UploadException Empty(string displayName) =>
        new(StatusCodes.Status400BadRequest, $"'{displayName}' is empty (0 bytes): choose an audio file.");

    private UploadException TooLarge(string displayName) =>
        new(StatusCodes.Status413PayloadTooLarge, $"'{displayName}' is larger than the server's limit of {maxBytes / (1024.0 * 1024.0):0.#} MB.");

    /// <summary>A display name for the page: the last path segment of what the client sent, printable, at most 120 characters.</summary>
    public static string CleanDisplayName(string? name)
    {
        string last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        string printable = new([.. last.Where(c => !char.IsControl(c))]);
        printable = printable.Trim();
        if (printable.Length == 0) return "upload";
        return printable.Length <= 120 ? printable : printable[..120];
    }
}
