using AfterSales.Core.Simulation;

namespace AfterSales.Core.Tests.Simulation;

public class EventBroadcastTests
{
    [Fact]
    public async Task Every_reader_gets_every_item_in_order_and_the_same_instances()
    {
        var items = Enumerable.Range(0, 10_000).Select(i => new object()).ToList();
        var readers = EventBroadcast<object>.Of(items, readers: 2, capacity: 16);

        var read = await Task.WhenAll(readers.Select(reader => Task.Run(() => reader.ToList())));

        Assert.All(read, list => Assert.Equal(items.Count, list.Count));
        Assert.All(read, list => Assert.True(items.Zip(list).All(pair => ReferenceEquals(pair.First, pair.Second))));
    }

    [Fact]
    public async Task The_source_is_enumerated_once_for_all_readers()
    {
        var enumerations = 0;
        IEnumerable<int> Source()
        {
            Interlocked.Increment(ref enumerations);
            for (var i = 0; i < 100; i++) yield return i;
        }

        var readers = EventBroadcast<int>.Of(Source(), readers: 2, capacity: 8);
        await Task.WhenAll(readers.Select(reader => Task.Run(() => reader.Sum())));

        Assert.Equal(1, enumerations);
    }

    [Fact]
    public async Task A_slow_reader_holds_the_fast_one_back_by_at_most_the_capacity_and_both_finish()
    {
        var fastAhead = 0;
        var slowRead = 0;
        var readers = EventBroadcast<int>.Of(Enumerable.Range(0, 200), readers: 2, capacity: 10);

        var fast = Task.Run(() =>
        {
            foreach (var item in readers[0]) fastAhead = Math.Max(fastAhead, item + 1 - Volatile.Read(ref slowRead));
        });
        var slow = Task.Run(async () =>
        {
            foreach (var item in readers[1])
            {
                await Task.Delay(1);
                Volatile.Write(ref slowRead, item + 1);
            }
        });
        await Task.WhenAll(fast, slow);

        Assert.Equal(200, Volatile.Read(ref slowRead));
        Assert.InRange(fastAhead, 1, 10 + 2);
    }

    [Fact]
    public async Task A_failing_source_fails_every_reader_after_the_items_it_gave()
    {
        IEnumerable<int> Source()
        {
            yield return 1;
            yield return 2;
            throw new InvalidDataException("line 3 could not be read");
        }

        var readers = EventBroadcast<int>.Of(Source(), readers: 2, capacity: 4);
        var outcomes = await Task.WhenAll(readers.Select(reader => Task.Run(() =>
        {
            var seen = new List<int>();
            var error = Record.Exception(() => { foreach (var item in reader) seen.Add(item); });
            return (seen, error);
        })));

        Assert.All(outcomes, outcome =>
        {
            Assert.Equal([1, 2], outcome.seen);
            Assert.IsType<InvalidDataException>(outcome.error);
        });
    }
}
