using System.Net;
using System.Security.Cryptography;

namespace Demix.Separation.Models.Catalog;

/// <summary>
/// Fetches one URL into a file atomically (temporary file in the target folder, renamed when complete) while
/// computing its SHA-256. This and <see cref="ModelDownloader"/> are the only network access in Demix.
/// </summary>
internal sealed class FileDownloader(HttpClient http)
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/>; returns the lower-case hex SHA-256.</summary>
    /// <param name="verify">Called with the hash before the rename; throws to reject the file (the temporary file is deleted).</param>
    /// <exception cref="ModelDownloadException">Unreachable server, HTTP error or rejected hash.</exception>
    public async Task<string> DownloadAsync(string url, string destination, Action<string> verify,
        Action<long, long?> progress, CancellationToken cancellation)
    {
        string temporary = AtomicFile.TemporaryPath(destination);
        try
        {
            using HttpResponseMessage response = await Send(url, cancellation);
            long? total = response.Content.Headers.ContentLength;
            string hash;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
            await using (Stream input = await response.Content.ReadAsStreamAsync(cancellation))
            {
                hash = await CopyAndHash(input, output, total, progress, cancellation);
                if (total is long expected && output.Length != expected)
                {
                    throw new ModelDownloadException($"{url}: the connection ended after {output.Length} of {expected} bytes; try again.");
                }
            }
            verify(hash);
            File.Move(temporary, destination, overwrite: true);
            return hash;
        }
        catch (IOException e) when (e is not ModelDownloadException)
        {
            throw new ModelDownloadException($"{url}: the download broke off ({e.Message}); try again.", e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private async Task<HttpResponseMessage> Send(string url, CancellationToken cancellation)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new ModelDownloadException(
                $"cannot reach {new Uri(url).Host} to download {url} ({e.Message}). Demix needs the network only for " +
                "'demix models download'; connect and try again, or copy the model files into the models folder.", e);
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new ModelDownloadException($"{url}: the server did not answer in time ({e.Message}).", e);
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            using (response)
            {
                throw new ModelDownloadException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
        return response;
    }

    private static async Task<string> CopyAndHash(Stream input, Stream output, long? total, Action<long, long?> progress, CancellationToken cancellation)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferBytes];
        long received = 0;
        int read;
        progress(0, total);
        while ((read = await input.ReadAsync(buffer, cancellation)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellation);
            received += read;
            progress(received, total);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
