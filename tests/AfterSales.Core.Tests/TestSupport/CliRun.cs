using AfterSales.Cli;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Core.Tests.TestSupport;

/// <summary>Runs the real <c>aftersales</c> command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static readonly DateTimeOffset Today = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = AfterSalesCommand.Create(output, error, new FakeTimeProvider(Today)).Parse(args).Invoke();
        return new CliRun(exit, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    public string[] TimelineLines(string ticketId) =>
        [.. Output.Split('\n').Where(l => l.Length > 20 && l[20..].StartsWith(ticketId + " ", StringComparison.Ordinal)).Select(l => l.Trim())];
}
