using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Demix.Engine.Tests")]
[assembly: InternalsVisibleTo("Demix.Benchmarks")]
