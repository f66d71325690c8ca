using BenchmarkDotNet.Running;

// `--quick engine [...]`: the Stopwatch harness for the engine kernels (see Engine/EngineQuickBench.cs).
if (args.Length >= 2 && args[0] == "--quick" && args[1] == "engine")
{
    return Demix.Benchmarks.Engine.EngineQuickBench.Run(args[2..]);
}

// `--quick lstm [--repeats N]`: the Open-Unmix BLSTM in wall and CPU time (see Engine/LstmQuickBench.cs).
if (args.Length >= 2 && args[0] == "--quick" && args[1] == "lstm")
{
    return Demix.Benchmarks.Engine.LstmQuickBench.Run(args[2..]);
}

// `--quick attention`: causal relative/rotary self-attention in wall and CPU time (see Engine/AttentionQuickBench.cs).
if (args.Length >= 2 && args[0] == "--quick" && args[1] == "attention")
{
    return Demix.Benchmarks.Engine.AttentionQuickBench.Run();
}

// Runs the benchmark classes of this assembly; pick with --filter, e.g. `--filter *Fft*`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
