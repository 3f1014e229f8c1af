using System.CommandLine;

namespace AfterSales.Cli;

/// <summary>The <c>aftersales</c> command line.</summary>
public static class AfterSalesCommand
{
    public static RootCommand Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var root = new RootCommand("AfterSales: keeps after-sales promises on time (SLA clocks, escalations, customer texts).");
        root.Add(SimulateCommand.Create(output, error, time));
        root.Add(SettingsCheckCommand.Create(output, error));
        root.Add(TotalsCommand.Create(output, error, time));
        return root;
    }
}
