namespace AfterSales.Core.Simulation;

/// <summary>One policy's summary under the current settings (<see cref="Before"/>) and the proposed ones (<see cref="After"/>); null where no ticket fell under it.</summary>
public sealed record PolicyComparison(string Policy, PolicySummary? Before, PolicySummary? After);

/// <summary>A ticket whose outcome differs between the two runs, each difference in words (<c>first-response: met -> missed</c>, <c>+ supervisor on first-response</c>).</summary>
public sealed record TicketChange(string TicketId, IReadOnlyList<string> Changes);

/// <summary>The same events under two settings: the policy change previewed on real history before it goes live.</summary>
public sealed record SimulationComparison(IReadOnlyList<PolicyComparison> Policies, IReadOnlyList<TicketChange> ChangedTickets)
{
    public static SimulationComparison Of(SimulationResult before, SimulationResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var policies = before.Summary.Select(s => s.Policy)
            .Concat(after.Summary.Select(s => s.Policy).Where(p => before.Summary.All(s => s.Policy != p)))
            .Select(p => new PolicyComparison(p, before.Summary.FirstOrDefault(s => s.Policy == p), after.Summary.FirstOrDefault(s => s.Policy == p)))
            .ToList();
        return new SimulationComparison(policies, Changes(before.OutcomesInOrder, after.OutcomesInOrder));
    }

    /// <summary>Both runs' outcomes side by side in ticket order (a merge, one ticket of each at a time); tickets only the second run has come last.</summary>
    private static List<TicketChange> Changes(IEnumerable<TicketOutcome> before, IEnumerable<TicketOutcome> after)
    {
        var changes = new List<TicketChange>();
        var newcomers = new List<TicketChange>();
        using var afterInOrder = after.GetEnumerator();
        TicketOutcome? Next() => afterInOrder.MoveNext() ? afterInOrder.Current : null;

        var now = Next();
        foreach (var was in before)
        {
            for (; now is not null && string.CompareOrdinal(now.TicketId, was.TicketId) < 0; now = Next()) newcomers.Add(NowUnder(now));
            if (now is null || now.TicketId != was.TicketId)
            {
                changes.Add(new TicketChange(was.TicketId, ["no policy applies any more"]));
                continue;
            }

            var words = Differences(was, now);
            if (words.Count > 0) changes.Add(new TicketChange(was.TicketId, words));
            now = Next();
        }

        for (; now is not null; now = Next()) newcomers.Add(NowUnder(now));
        changes.AddRange(newcomers);
        return changes;
    }

    private static TicketChange NowUnder(TicketOutcome outcome) => new(outcome.TicketId, [$"now under policy {outcome.Policy}"]);

    private static List<string> Differences(TicketOutcome was, TicketOutcome now)
    {
        var words = new List<string>();
        if (was.Policy != now.Policy) words.Add($"policy: {was.Policy} -> {now.Policy}");
        foreach (var (clock, outcome) in was.Clocks)
        {
            var other = now.Clocks.GetValueOrDefault(clock, "none");
            if (other != outcome) words.Add($"{ClockName(clock)}: {outcome} -> {other}");
        }
        words.AddRange(now.Clocks.Keys.Where(k => !was.Clocks.ContainsKey(k)).Select(k => $"{ClockName(k)}: none -> {now.Clocks[k]}"));
        words.AddRange(now.Steps.Except(was.Steps, StringComparer.Ordinal).Select(k => $"+ {StepName(k)}"));
        words.AddRange(was.Steps.Except(now.Steps, StringComparer.Ordinal).Select(k => $"- {StepName(k)}"));
        return words;
    }

    /// <summary><c>1/first-response</c> → <c>first-response</c>; later cycles keep their number.</summary>
    private static string ClockName(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var cycle = key[..slash];
        return cycle == "1" ? key[(slash + 1)..] : $"{key[(slash + 1)..]} (cycle {cycle})";
    }

    /// <summary><c>T-1/first-response/supervisor/1</c> → <c>supervisor on first-response</c>.</summary>
    private static string StepName(string key)
    {
        var parts = key.Split('/');
        if (parts.Length < 4) return key;
        var level = parts[^2];
        var clock = string.Join('/', parts[1..^2]);
        var cycle = parts[^1] == "1" ? "" : $" (cycle {parts[^1]})";
        return clock == "ticket" ? $"{level}{cycle}" : $"{level} on {clock}{cycle}";
    }
}
