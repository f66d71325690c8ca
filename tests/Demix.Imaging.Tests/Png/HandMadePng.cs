using System.Buffers.Binary;

namespace Demix.Imaging.Tests.Png;

/// <summary>
/// Assembles PNG files byte by byte, independently of the codec under test: its own bitwise CRC-32,
/// its own Adler-32, deflate "stored" (uncompressed) blocks, and its own filter and Adam7 code
/// written from the PNG specification.
/// </summary>
internal static class HandMadePng
{
    public static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>A whole PNG file from its IHDR fields and the raw (filter byte + row) image stream.</summary>
    public static byte[] File(int width, int height, int bitDepth, int colourType, byte[] rawScanlines,
        bool interlaced = false, byte[]? palette = null, byte[]? transparency = null, int idatSplit = int.MaxValue)
    {
        var file = new List<byte>(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colourType;
        header[12] = (byte)(interlaced ? 1 : 0);
        file.AddRange(Chunk("IHDR", header));
        if (palette is not null) file.AddRange(Chunk("PLTE", palette));
        if (transparency is not null) file.AddRange(Chunk("tRNS", transparency));
        file.AddRange(Chunk("tEXt", "Comment\0hand made"u8.ToArray()));
        byte[] zlib = StoredZlib(rawScanlines);
        for (int start = 0; start < zlib.Length; start += idatSplit)
        {
            file.AddRange(Chunk("IDAT", zlib[start..Math.Min(zlib.Length, start + idatSplit)]));
        }
        file.AddRange(Chunk("IEND", []));
        return [.. file];
    }

    public static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        for (int i = 0; i < 4; i++) chunk[4 + i] = (byte)type[i];
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), BitwiseCrc(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>A zlib stream (RFC 1950) of deflate stored blocks (RFC 1951, BTYPE 00) of at most 1000 bytes.</summary>
    public static byte[] StoredZlib(byte[] data)
    {
        var output = new List<byte> { 0x78, 0x01 };
        int offset = 0;
        do
        {
            int length = Math.Min(1000, data.Length - offset);
            bool final = offset + length == data.Length;
            output.Add((byte)(final ? 1 : 0));
            output.AddRange([(byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)]);
            output.AddRange(data.AsSpan(offset, length).ToArray());
            offset += length;
        }
        while (offset < data.Length);
        uint adler = Adler32(data);
        output.AddRange([(byte)(adler >> 24), (byte)(adler >> 16), (byte)(adler >> 8), (byte)adler]);
        return [.. output];
    }

    /// <summary>Filters each row of <paramref name="rows"/> with <paramref name="filterOfRow"/>(y) and prefixes the filter byte.</summary>
    public static byte[] Filter(byte[][] rows, int bytesPerPixel, Func<int, int> filterOfRow)
    {
        var output = new List<byte>();
        for (int y = 0; y < rows.Length; y++)
        {
            int type = filterOfRow(y);
            output.Add((byte)type);
            byte[] above = y == 0 ? new byte[rows[y].Length] : rows[y - 1];
            for (int i = 0; i < rows[y].Length; i++)
            {
                int a = i >= bytesPerPixel ? rows[y][i - bytesPerPixel] : 0;
                int b = above[i];
                int c = i >= bytesPerPixel ? above[i - bytesPerPixel] : 0;
                int predictor = type switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => Paeth(a, b, c) };
                output.Add(unchecked((byte)(rows[y][i] - predictor)));
            }
        }
        return [.. output];
    }

    /// <summary>The sub-images of Adam7 pass 1..7, each as the list of its rows of pixel indices (x, y).</summary>
    public static List<List<(int X, int Y)>>[] Adam7Passes(int width, int height)
    {
        int[][] starts = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
        var passes = new List<List<(int, int)>>[7];
        for (int p = 0; p < 7; p++)
        {
            passes[p] = [];
            for (int y = starts[p][1]; y < height; y += starts[p][3])
            {
                var row = new List<(int, int)>();
                for (int x = starts[p][0]; x < width; x += starts[p][2]) row.Add((x, y));
                if (row.Count > 0) passes[p].Add(row);
            }
        }
        return passes;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte value in data)
        {
            crc ^= value;
            for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (byte value in data)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }
        return b << 16 | a;
    }
}
