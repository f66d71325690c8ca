namespace Demix.Engine.Io.Pth;

/// <summary>
/// The pickle opcodes the restricted unpickler understands (protocols 2 to 5, the subset that
/// <c>torch.save</c> emits for state dicts). Every other opcode is refused.
/// </summary>
internal enum PickleOpcode : byte
{
    Mark = (byte)'(',
    Stop = (byte)'.',
    BinInt = (byte)'J',
    BinInt1 = (byte)'K',
    BinInt2 = (byte)'M',
    None = (byte)'N',
    BinPersId = (byte)'Q',
    Reduce = (byte)'R',
    BinUnicode = (byte)'X',
    EmptyList = (byte)']',
    Append = (byte)'a',
    Build = (byte)'b',
    Global = (byte)'c',
    Appends = (byte)'e',
    BinGet = (byte)'h',
    LongBinGet = (byte)'j',
    BinPut = (byte)'q',
    LongBinPut = (byte)'r',
    SetItem = (byte)'s',
    Tuple = (byte)'t',
    SetItems = (byte)'u',
    EmptyDict = (byte)'}',
    EmptyTuple = (byte)')',
    BinFloat = (byte)'G',
    BinBytes = (byte)'B',
    ShortBinBytes = (byte)'C',
    Proto = 0x80,
    Tuple1 = 0x85,
    Tuple2 = 0x86,
    Tuple3 = 0x87,
    NewTrue = 0x88,
    NewFalse = 0x89,
    Long1 = 0x8a,
    ShortBinUnicode = 0x8c,
    BinUnicode8 = 0x8d,
    StackGlobal = 0x93,
    Memoize = 0x94,
    Frame = 0x95,
}
