using System.CommandLine;
using AfterSales.Azure.Hosting;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Reports;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Cli;

/// <summary>
/// <c>aftersales totals rebuild</c>: forgets the reports' running totals and counts them again from the stored tickets,
/// the sent steps of the outbox, the surveys' ratings and the revisit calls, and lists the open tickets again (<see cref="TallyRebuild"/>), against the storage the settings name
/// (<c>Storage__ConnectionString</c> or <c>Storage__TableServiceUri</c> with <c>az login</c>).
/// </summary>
public static class TotalsCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var settings = new Option<FileInfo?>("--settings") { Description = "A settings JSON file layered over the defaults, under the environment variables." };
        var rebuild = new Command("rebuild", "Forget the reports' running totals and count them again from the stored tickets, the sent steps, the ratings and the revisit calls; list the open tickets again.")
        {
            settings,
        };
        rebuild.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(settings), output, error, time, cancellationToken));
        return new Command("totals", "The running totals the weekly digest and the monthly report read.") { rebuild };
    }

    private static async Task<int> RunAsync(FileInfo? settingsFile, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        if (settingsFile is { Exists: false })
        {
            error.WriteLine($"error: settings file not found: {settingsFile.FullName}");
            return 2;
        }

        AfterSalesOptions options;
        try
        {
            options = AfterSalesOptions.Read(SettingsSource.Layers(settingsFile?.FullName), SettingsScope.Simulation);
        }
        catch (SettingsValidationException invalid)
        {
            error.WriteLine("error: invalid settings");
            foreach (var problem in invalid.Errors) error.WriteLine($"  {problem.Key}: {problem.Message}");
            return 2;
        }

        if (options.Storage is null)
        {
            error.WriteLine("error: no storage: set Storage__ConnectionString or Storage__TableServiceUri");
            return 2;
        }

        var tables = AfterSalesTables.Create(options.Storage);
        var reports = ReportTables.Create(options.Storage);
        var texts = TextTables.Create(options.Storage);
        var revisits = RevisitTables.Create(options.Storage);
        await Task.WhenAll(
            tables.CreateIfNotExistsAsync(cancellationToken), reports.CreateIfNotExistsAsync(cancellationToken),
            texts.CreateIfNotExistsAsync(cancellationToken), revisits.CreateIfNotExistsAsync(cancellationToken));
        var rebuild = new TallyRebuild(reports.Tallies, new SlaEngine(options.Settings), options.Settings, options.Reports, reports.OpenTickets);
        var report = await rebuild.RunAsync(
            tables.Tickets.AllHistoriesAsync(cancellationToken), tables.Outbox.ListByStatusAsync(OutboxStatus.Sent, cancellationToken),
            Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken,
            texts.Surveys.AllRatingsAsync(cancellationToken), revisits.Calls.AllCallsAsync(cancellationToken));
        output.WriteLine($"rebuilt the running totals: {report.Tickets} tickets, {report.Facts} ticket facts, {report.StepsSent} steps sent, " +
            $"{report.Ratings} ratings, {report.Revisits} revisit items; {report.Open} open tickets listed");
        return 0;
    }
}
