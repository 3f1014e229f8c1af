namespace AfterSales.Azure.Storage;

/// <summary>The rows of the SweepState table: one partition, a row for the lease, one for the due-index checkpoint and one for the last failure summary, one for where the retention purge goes on.</summary>
internal static class SweepStateRows
{
    public const string PartitionKey = "sweep";
    public const string Lease = "lease";
    public const string Checkpoint = "checkpoint";
    public const string FailureSummary = "failure-summary";
    public const string Retention = "retention";
}
