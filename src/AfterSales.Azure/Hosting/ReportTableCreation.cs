using AfterSales.Azure.Storage;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Azure.Hosting;

/// <summary>Creates the report tables (running totals, report log) when the host starts.</summary>
internal sealed class ReportTableCreation(ReportTables reports) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => reports.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
