using AfterSales.Azure.Storage;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Azure.Hosting;

/// <summary>Creates the revisit and text tables when the host starts.</summary>
internal sealed class RevisitTableCreation(RevisitTables revisits, TextTables texts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(revisits.CreateIfNotExistsAsync(cancellationToken), texts.CreateIfNotExistsAsync(cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
