namespace Demix.Training.Sampling;

/// <summary>One training chunk: the two sources, planar [channels][frames]; the mixture is their sum.</summary>
public sealed record TrainingExample(float[][] Vocals, float[][] Accompaniment)
{
    /// <summary>vocals + accompaniment, [channels][frames].</summary>
    public float[][] Mixture()
    {
        var mixture = new float[Vocals.Length][];
        for (int c = 0; c < mixture.Length; c++)
        {
            mixture[c] = new float[Vocals[c].Length];
            System.Numerics.Tensors.TensorPrimitives.Add(Vocals[c], Accompaniment[c], mixture[c]);
        }
        return mixture;
    }
}
