namespace AfterSales.Core.Application;

/// <summary>What a sweep did so far, counted by its parallel workers.</summary>
internal sealed class SweepTally
{
    private int rows;
    private int steps;
    private int failures;
    private int quarantined;

    public int Rows => Volatile.Read(ref rows);

    public int Steps => Volatile.Read(ref steps);

    public int Failures => Volatile.Read(ref failures);

    public int Quarantined => Volatile.Read(ref quarantined);

    public void AddRows(int count) => Interlocked.Add(ref rows, count);

    public void AddSteps(int count) => Interlocked.Add(ref steps, count);

    public void AddFailure() => Interlocked.Increment(ref failures);

    public void AddQuarantined() => Interlocked.Increment(ref quarantined);
}
