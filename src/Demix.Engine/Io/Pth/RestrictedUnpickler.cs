namespace Demix.Engine.Io.Pth;

/// <summary>
/// A pickle virtual machine restricted to what <c>torch.save</c> writes for weights: plain values
/// (None, bool, int, float, str, bytes), tuples, lists, dicts, <c>collections.OrderedDict</c>, tensors
/// rebuilt by <c>torch._utils._rebuild_tensor_v2</c>/<c>_rebuild_parameter</c> and storages named by
/// persistent ids. It never executes code: opcodes are handled by an explicit switch, globals come
/// from the explicit <see cref="AllowedGlobals"/> map, and anything else throws <see cref="WeightFileException"/>.
/// </summary>
internal sealed class RestrictedUnpickler
{
    private const int MaxMemoEntries = 10_000_000;
    private readonly PickleInput input;
    private readonly List<object?> stack = [];
    private readonly Stack<int> marks = new();
    private readonly Dictionary<long, object?> memo = [];

    private RestrictedUnpickler(Stream stream, string file) => input = new PickleInput(stream, file);

    /// <summary>Unpickles one object, leaving the stream just after its STOP opcode.</summary>
    public static object? Load(Stream stream, string file) => new RestrictedUnpickler(stream, file).Run();

    private object? Run()
    {
        while (true)
        {
            byte code = input.ReadByte();
            var op = (PickleOpcode)code;
            if (op == PickleOpcode.Stop)
            {
                if (stack.Count != 1 || marks.Count != 0) throw input.Error($"STOP with {stack.Count} values on the stack");
                return stack[0];
            }
            if (!(ExecuteLiteral(op) || ExecuteContainer(op) || ExecuteMemo(op) || ExecuteCall(op)))
                throw input.Error($"pickle opcode 0x{code:x2} ('{(char)code}') is not allowed in a weight file");
        }
    }

    private bool ExecuteLiteral(PickleOpcode op)
    {
        switch (op)
        {
            case PickleOpcode.Proto:
                if (input.ReadByte() > 5) throw input.Error("pickle protocol above 5");
                return true;
            case PickleOpcode.Frame: input.ReadUInt64(); return true;
            case PickleOpcode.None: Push(null); return true;
            case PickleOpcode.NewTrue: Push(true); return true;
            case PickleOpcode.NewFalse: Push(false); return true;
            case PickleOpcode.BinInt: Push((long)input.ReadInt32()); return true;
            case PickleOpcode.BinInt1: Push((long)input.ReadByte()); return true;
            case PickleOpcode.BinInt2: Push((long)input.ReadUInt16()); return true;
            case PickleOpcode.Long1: Push(input.ReadLong1()); return true;
            case PickleOpcode.BinFloat: Push(input.ReadBigEndianDouble()); return true;
            case PickleOpcode.BinUnicode: Push(input.ReadUtf8(input.ReadUInt32())); return true;
            case PickleOpcode.ShortBinUnicode: Push(input.ReadUtf8(input.ReadByte())); return true;
            case PickleOpcode.BinUnicode8: Push(input.ReadUtf8(checked((long)input.ReadUInt64()))); return true;
            case PickleOpcode.BinBytes: Push(input.ReadBytes(input.ReadUInt32())); return true;
            case PickleOpcode.ShortBinBytes: Push(input.ReadBytes(input.ReadByte())); return true;
            default: return false;
        }
    }

    private bool ExecuteContainer(PickleOpcode op)
    {
        switch (op)
        {
            case PickleOpcode.Mark: marks.Push(stack.Count); return true;
            case PickleOpcode.EmptyDict: Push(new PickleDictionary()); return true;
            case PickleOpcode.EmptyList: Push(new List<object?>()); return true;
            case PickleOpcode.EmptyTuple: Push(new PickleTuple([])); return true;
            case PickleOpcode.Tuple: Push(new PickleTuple(PopToMark())); return true;
            case PickleOpcode.Tuple1: Push(new PickleTuple(PopMany(1))); return true;
            case PickleOpcode.Tuple2: Push(new PickleTuple(PopMany(2))); return true;
            case PickleOpcode.Tuple3: Push(new PickleTuple(PopMany(3))); return true;
            case PickleOpcode.Append: PeekAs<List<object?>>("APPEND").Add(Pop()); return true;
            case PickleOpcode.Appends:
                var items = PopToMark();
                PeekAs<List<object?>>("APPENDS").AddRange(items);
                return true;
            case PickleOpcode.SetItem:
                var pair = PopMany(2);
                SetItems(PeekAs<PickleDictionary>("SETITEM"), pair);
                return true;
            case PickleOpcode.SetItems:
                var pairs = PopToMark();
                SetItems(PeekAs<PickleDictionary>("SETITEMS"), pairs);
                return true;
            default: return false;
        }
    }

    private bool ExecuteMemo(PickleOpcode op)
    {
        switch (op)
        {
            case PickleOpcode.BinPut: Remember(input.ReadByte()); return true;
            case PickleOpcode.LongBinPut: Remember(input.ReadUInt32()); return true;
            case PickleOpcode.Memoize: Remember(memo.Count); return true;
            case PickleOpcode.BinGet: Recall(input.ReadByte()); return true;
            case PickleOpcode.LongBinGet: Recall(input.ReadUInt32()); return true;
            default: return false;
        }
    }

    private bool ExecuteCall(PickleOpcode op)
    {
        switch (op)
        {
            case PickleOpcode.Global: Push(ResolveGlobal(input.ReadLine(), input.ReadLine())); return true;
            case PickleOpcode.StackGlobal:
                var names = PopMany(2);
                if (names[0] is not string module || names[1] is not string name) throw input.Error("STACK_GLOBAL operands are not strings");
                Push(ResolveGlobal(module, name));
                return true;
            case PickleOpcode.Reduce:
                var callAndArguments = PopMany(2);
                if (callAndArguments[0] is not PickleGlobalReference callable) throw input.Error("REDUCE of something that is not an allowed global");
                if (callAndArguments[1] is not PickleTuple arguments) throw input.Error("REDUCE arguments are not a tuple");
                Push(PickleCalls.Call(callable, arguments, input));
                return true;
            case PickleOpcode.BinPersId: Push(PickleCalls.PersistentLoad(Pop(), input)); return true;
            case PickleOpcode.Build:
                object? state = Pop();
                PeekAs<PickleDictionary>("BUILD").State = state;
                return true;
            default: return false;
        }
    }

    private PickleGlobalReference ResolveGlobal(string module, string name) =>
        AllowedGlobals.TryGet(module, name, out var reference)
            ? reference
            : throw input.Error($"the pickle names the global '{module}.{name}', which is not allowed (allowed: {AllowedGlobals.Describe()}); refusing to load it");

    private void SetItems(PickleDictionary dictionary, object?[] keysAndValues)
    {
        if (keysAndValues.Length % 2 != 0) throw input.Error("SETITEMS with an odd number of items");
        for (int i = 0; i < keysAndValues.Length; i += 2)
        {
            object key = keysAndValues[i] is string or long or bool or double ? keysAndValues[i]! : throw input.Error("a dictionary key is not a str, int, float or bool");
            dictionary.Set(key, keysAndValues[i + 1]);
        }
    }

    private void Remember(long key)
    {
        if (stack.Count == 0) throw input.Error("memo store with an empty stack");
        if (memo.Count >= MaxMemoEntries) throw input.Error("too many memo entries");
        memo[key] = stack[^1];
    }

    private void Recall(long key) =>
        Push(memo.TryGetValue(key, out var value) ? value : throw input.Error($"memo entry {key} is read before it is written"));

    private void Push(object? value) => stack.Add(value);

    private object? Pop() => PopMany(1)[0];

    private object?[] PopMany(int count)
    {
        int floor = marks.Count > 0 ? marks.Peek() : 0;
        if (stack.Count - floor < count) throw input.Error("stack underflow");
        var items = stack.GetRange(stack.Count - count, count).ToArray();
        stack.RemoveRange(stack.Count - count, count);
        return items;
    }

    private object?[] PopToMark()
    {
        if (marks.Count == 0) throw input.Error("no MARK on the stack");
        int mark = marks.Pop();
        var items = stack.GetRange(mark, stack.Count - mark).ToArray();
        stack.RemoveRange(mark, stack.Count - mark);
        return items;
    }

    private T PeekAs<T>(string opcode) where T : class
    {
        int floor = marks.Count > 0 ? marks.Peek() : 0;
        return stack.Count > floor && stack[^1] is T value ? value : throw input.Error($"{opcode} applied to a value that is not a {typeof(T).Name}");
    }
}
