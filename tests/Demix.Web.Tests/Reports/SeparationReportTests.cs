using System.Text.RegularExpressions;
using Demix.Imaging.Png;
using Demix.Web.Reports;

namespace Demix.Web.Tests.Reports;

/// <summary>The HTML report: one decodable inline spectrogram per track, players by relative path or inline, metrics, escaping.</summary>
public sealed class SeparationReportTests
{
    [Fact]
    public void Write_EmbedsASpectrogramPerTrack_LinksLargeAudioRelatively_AndListsMetrics()
    {
        string folder = TestSongs.TemporaryFolder();
        string stems = Path.Combine(folder, "out", "My <Song>");
        string mixture = TestSongs.Wav(folder, 1.0).Path;
        string vocals = TestSongs.Wav(stems, 1.0, seed: 2).Path;
        string accompaniment = TestSongs.Wav(stems, 1.0, seed: 3).Path;
        string reference = TestSongs.Wav(folder, 1.0, seed: 4).Path;
        var options = new ReportOptions { InlineAudioMaxBytes = 50_000 };   // the 1 s WAVs are 88 kB: linked, not inlined

        string page = SeparationReport.Write(stems, mixture, [new("vocals", vocals), new("accompaniment", accompaniment)],
            [new("vocals (true)", reference)], [new("vocals", "SDR (museval v4, median)", 4.25)], options);

        string html = File.ReadAllText(page);
        MatchCollection images = Regex.Matches(html, "src=\"data:image/png;base64,([^\"]+)\"");
        Assert.Equal(4, images.Count);
        Assert.All(images, m => Assert.Equal(900, PngDecoder.Decode(Convert.FromBase64String(m.Groups[1].Value)).Width));
        Assert.Contains("src=\"../../song-1-1s.wav\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"song-2-1s.wav\"", html, StringComparison.Ordinal);
        Assert.Contains("<td>4.25 dB</td>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>True stems</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Song>", html, StringComparison.Ordinal);
        Assert.Throws<IOException>(() => SeparationReport.Write(stems, mixture, [new("vocals", vocals)], options: options));
        Assert.Single(Directory.GetFiles(stems, "*.html"));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void SmallAudio_IsInlined()
    {
        string folder = TestSongs.TemporaryFolder();
        string mixture = TestSongs.Wav(folder, 0.5).Path;
        string html = SeparationReport.Build(folder, mixture, [], null, null, new ReportOptions());
        Assert.Contains("<audio controls preload=\"none\" src=\"data:audio/wav;base64,UklGR", html, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }
}
