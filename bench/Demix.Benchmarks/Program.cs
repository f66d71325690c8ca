using BenchmarkDotNet.Running;

// Runs the benchmark classes of this assembly; pick with --filter, e.g. `--filter *Fft*`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
