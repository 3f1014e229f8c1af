using AfterSales.Core.Email;
using AfterSales.Core.Settings;
using AfterSales.Core.Simulation;
using AfterSales.Core.Sla;

namespace AfterSales.Cli;

/// <summary>Writes the email of every step of a simulation as an .eml file (Pickup mode), as it would have read when sent.</summary>
public static class SimulatedEmails
{
    public static int Write(SimulationResult result, AfterSalesSettings settings, TimeProvider time)
    {
        var renderer = new EscalationEmailRenderer(settings, new SlaEngine(settings));
        var sender = new PickupEmailSender(settings.Email.PickupDirectory, settings.Email.From, settings.Email.FromName, time);
        var told = new Dictionary<string, List<EscalationStep>>(StringComparer.Ordinal);
        var written = 0;
        foreach (var entry in result.Timeline)
        {
            if (entry is not { Step: { } step, History: { } history }) continue;
            var earlier = told.TryGetValue(step.TicketId, out var list) ? list : told[step.TicketId] = [];
            var message = renderer.Render(history, step, [.. earlier], entry.At);
            sender.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
            earlier.Add(step);
            written++;
        }
        return written;
    }
}
