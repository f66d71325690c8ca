namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>TensorFlow's <c>DataType</c> enum values (tensorflow/core/framework/types.proto) that the reader knows.</summary>
public enum TfDataType
{
    /// <summary>DT_INVALID.</summary>
    Invalid = 0,
    /// <summary>DT_FLOAT.</summary>
    Float = 1,
    /// <summary>DT_DOUBLE.</summary>
    Double = 2,
    /// <summary>DT_INT32.</summary>
    Int32 = 3,
    /// <summary>DT_UINT8.</summary>
    UInt8 = 4,
    /// <summary>DT_INT16.</summary>
    Int16 = 5,
    /// <summary>DT_INT8.</summary>
    Int8 = 6,
    /// <summary>DT_STRING (not readable as numbers).</summary>
    String = 7,
    /// <summary>DT_INT64.</summary>
    Int64 = 9,
    /// <summary>DT_BOOL.</summary>
    Bool = 10,
    /// <summary>DT_BFLOAT16.</summary>
    BFloat16 = 14,
    /// <summary>DT_HALF.</summary>
    Half = 19,
}

/// <summary>Maps TensorFlow data types to the element types the readers convert to float32.</summary>
internal static class TfDataTypes
{
    public static bool TryGetElementType(TfDataType type, out StoredElementType element)
    {
        (bool known, element) = type switch
        {
            TfDataType.Float => (true, StoredElementType.Float32),
            TfDataType.Double => (true, StoredElementType.Float64),
            TfDataType.Int32 => (true, StoredElementType.Int32),
            TfDataType.UInt8 => (true, StoredElementType.UInt8),
            TfDataType.Int16 => (true, StoredElementType.Int16),
            TfDataType.Int8 => (true, StoredElementType.Int8),
            TfDataType.Int64 => (true, StoredElementType.Int64),
            TfDataType.Bool => (true, StoredElementType.Bool),
            TfDataType.BFloat16 => (true, StoredElementType.BFloat16),
            TfDataType.Half => (true, StoredElementType.Float16),
            _ => (false, StoredElementType.Float32),
        };
        return known;
    }
}
