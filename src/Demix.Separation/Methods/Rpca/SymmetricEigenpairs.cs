namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// Eigenpairs of a symmetric positive semi-definite n x n matrix: <see cref="Values"/> in descending order and their
/// unit eigenvectors as the columns of <see cref="Vectors"/> ([n, Values.Length], column-major); <see cref="Largest"/>
/// is the largest eigenvalue of the matrix (also when no pair is returned).
/// </summary>
internal sealed record SymmetricEigenpairs(double[] Values, double[] Vectors, double Largest);
