using Demix.Training.Loop;

namespace Demix.Training.Tests;

/// <summary>The heap is process-wide: these tests run alone, not beside the other (allocating) test classes.</summary>
[CollectionDefinition(nameof(HeapBudgetTests), DisableParallelization = true)]
public sealed class HeapBudgetCollection;

[Collection(nameof(HeapBudgetTests))]
public sealed class HeapBudgetTests
{
    [Fact]
    public void Check_CollectsOnceTheHeapGrewByTheBudget_AndMeasuresFromWhatSurvived()
    {
        GC.Collect();
        var heap = new HeapBudget(32L << 20);
        heap.Check();
        Assert.Equal(0, heap.Collections);
        var live = new List<float[]>();
        for (int i = 0; i < 8; i++) live.Add(new float[4 << 20]);   // 128 MB that stays reachable
        heap.Check();
        Assert.Equal(1, heap.Collections);
        heap.Check();   // the 128 MB survived the collection: it is the new baseline, not garbage
        Assert.Equal(1, heap.Collections);
        GC.KeepAlive(live);
    }
}
