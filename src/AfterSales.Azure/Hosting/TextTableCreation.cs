using AfterSales.Azure.Storage;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Azure.Hosting;

/// <summary>Creates the customer-text tables when the host starts.</summary>
internal sealed class TextTableCreation(TextTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
