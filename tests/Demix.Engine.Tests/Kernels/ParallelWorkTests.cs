using Demix.Engine.Kernels;

namespace Demix.Engine.Tests.Kernels;

public sealed class ParallelWorkTests
{
    [Fact]
    public void Run_EveryItemExactlyOnce_WorkersInRange()
    {
        var counts = new int[1000];
        var workersSeen = new int[4];
        ParallelWork.Run(counts.Length, 2, (item, worker) =>
        {
            Interlocked.Increment(ref counts[item]);
            Interlocked.Increment(ref workersSeen[worker]);
        });
        Assert.All(counts, c => Assert.Equal(1, c));
        Assert.Equal(0, workersSeen[2] + workersSeen[3]);
    }

    [Fact]
    public void Run_NestedAndConcurrentCalls_CompleteWithoutDeadlock()
    {
        long total = 0;
        Parallel.For(0, 4, _ =>
            ParallelWork.Run(50, 2, outer => ParallelWork.Run(20, 2, inner => Interlocked.Increment(ref total))));
        Assert.Equal(4 * 50 * 20, total);
    }

    [Fact]
    public void Run_ExceptionInAnItem_IsRethrown()
    {
        Assert.ThrowsAny<Exception>(() => ParallelWork.Run(100, 2, item =>
        {
            if (item == 57)
            {
                throw new InvalidOperationException("item 57");
            }
        }));
    }
}
