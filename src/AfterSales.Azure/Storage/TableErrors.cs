using Azure;

namespace AfterSales.Azure.Storage;

/// <summary>The status codes the stores turn into answers instead of errors.</summary>
internal static class TableErrors
{
    /// <summary>409: the row (or table) exists already.</summary>
    public static bool IsConflict(RequestFailedException e) => e.Status == 409;

    /// <summary>412: the row changed since it was read (ETag mismatch).</summary>
    public static bool IsPreconditionFailed(RequestFailedException e) => e.Status == 412;

    /// <summary>404: no such row (or table).</summary>
    public static bool IsNotFound(RequestFailedException e) => e.Status == 404;
}
