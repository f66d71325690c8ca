namespace Demix.Engine.Io;

/// <summary>The element type a weight file stored a tensor in; readers convert every type to float32.</summary>
public enum StoredElementType
{
    /// <summary>IEEE 754 binary32.</summary>
    Float32,
    /// <summary>IEEE 754 binary16 (converted exactly to float32).</summary>
    Float16,
    /// <summary>bfloat16: the upper 16 bits of a binary32 (converted exactly to float32).</summary>
    BFloat16,
    /// <summary>IEEE 754 binary64 (rounded to the nearest float32).</summary>
    Float64,
    /// <summary>Signed 64-bit integer (e.g. BatchNorm's <c>num_batches_tracked</c>; exact up to 2^24).</summary>
    Int64,
    /// <summary>Signed 32-bit integer (exact up to 2^24).</summary>
    Int32,
    /// <summary>Signed 16-bit integer.</summary>
    Int16,
    /// <summary>Signed 8-bit integer.</summary>
    Int8,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,
    /// <summary>Boolean stored as one byte (0 = false, anything else = true → 1).</summary>
    Bool,
}
