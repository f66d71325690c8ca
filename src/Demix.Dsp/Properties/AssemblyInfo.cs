using System.Runtime.CompilerServices;

// The tests exercise the scalar and Vector256 FFT kernels on machines that would pick AVX-512.
[assembly: InternalsVisibleTo("Demix.Dsp.Tests")]
