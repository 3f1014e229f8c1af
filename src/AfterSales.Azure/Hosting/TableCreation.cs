using AfterSales.Azure.Storage;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Azure.Hosting;

/// <summary>Creates the AfterSales tables when the host starts (they exist already after the first start: one cheap call each).</summary>
internal sealed class TableCreation(AfterSalesTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
