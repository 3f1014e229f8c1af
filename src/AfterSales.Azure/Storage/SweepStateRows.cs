namespace AfterSales.Azure.Storage;

/// <summary>The rows of the SweepState table: one partition, a row for the lease and one for the due-index checkpoint.</summary>
internal static class SweepStateRows
{
    public const string PartitionKey = "sweep";
    public const string Lease = "lease";
    public const string Checkpoint = "checkpoint";
}
