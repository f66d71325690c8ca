using System.Text;
using Demix.Web.Uploads;

namespace Demix.Web.Tests.Serve;

/// <summary>Content sniffing: each container by its first bytes, and look-alikes refused.</summary>
public sealed class AudioSnifferTests
{
    [Theory]
    [InlineData("52494646 24000000 57415645 666d7420", AudioContainer.Wav)]       // RIFF....WAVEfmt
    [InlineData("52463634 ffffffff 57415645 64733634", AudioContainer.Wav)]       // RF64
    [InlineData("494433 04 00 00 00000000", AudioContainer.Mp3)]                  // ID3v2.4 tag
    [InlineData("fffb9064 00000000", AudioContainer.Mp3)]                         // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
    [InlineData("fff15080 2bdffc00", AudioContainer.Aac)]                         // ADTS
    [InlineData("664c6143 00000022", AudioContainer.Flac)]                        // fLaC
    [InlineData("4f676753 00020000", AudioContainer.Ogg)]                         // OggS
    [InlineData("00000020 66747970 4d344120", AudioContainer.Mp4)]                // ....ftypM4A
    [InlineData("464f524d 00001000 41494646", AudioContainer.Aiff)]               // FORM....AIFF
    [InlineData("1a45dfa3 9f428681", AudioContainer.Matroska)]
    [InlineData("52494646 24000000 41564920", AudioContainer.Unknown)]            // RIFF AVI
    [InlineData("fffb f064 00000000", AudioContainer.Unknown)]                    // bad bit-rate index 15
    [InlineData("ffea 9064", AudioContainer.Unknown)]                             // reserved MPEG version (01)
    [InlineData("ffe0 0000", AudioContainer.Unknown)]                             // sync but reserved everything
    [InlineData("", AudioContainer.Unknown)]
    public void Detect_KnowsContainersByContent(string hex, AudioContainer expected)
    {
        Assert.Equal(expected, AudioSniffer.Detect(Convert.FromHexString(hex.Replace(" ", ""))));
    }

    [Fact]
    public void Detect_IgnoresTextThatLooksLikeNothing()
    {
        Assert.Equal(AudioContainer.Unknown, AudioSniffer.Detect(Encoding.ASCII.GetBytes("%PDF-1.7 whatever")));
        Assert.Equal(AudioContainer.Unknown, AudioSniffer.Detect(Encoding.ASCII.GetBytes("MZ\x90\0 an exe")));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\music\\song.mp3", "song.mp3")]
    [InlineData("a\u0000b\nc.wav", "abc.wav")]
    [InlineData("", "upload")]
    [InlineData(null, "upload")]
    public void CleanDisplayName_KeepsOnlyAPrintableLastSegment(string? name, string expected)
    {
        Assert.Equal(expected, UploadReceiver.CleanDisplayName(name));
    }
}
