using Demix.Training.Loop;

namespace Demix.Training.Tests;

public sealed class HeapBudgetTests
{
    [Fact]
    public void Check_CollectsOnceTheHeapGrewByTheBudget_AndMeasuresFromWhatSurvived()
    {
        var heap = new HeapBudget(64L << 20);
        heap.Check();
        Assert.Equal(0, heap.Collections);
        var live = new List<float[]>();
        for (int i = 0; i < 5; i++) live.Add(new float[4 << 20]);   // 80 MB that stays reachable
        heap.Check();
        Assert.Equal(1, heap.Collections);
        heap.Check();   // the 80 MB survived the collection: it is the new baseline, not garbage
        Assert.Equal(1, heap.Collections);
        GC.KeepAlive(live);
    }
}
