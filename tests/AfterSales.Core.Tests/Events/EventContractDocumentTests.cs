using System.Text.RegularExpressions;
using AfterSales.Core.Events;

namespace AfterSales.Core.Tests.Events;

/// <summary>docs/events.md is what other systems code against: its examples must be events we accept.</summary>
public sealed partial class EventContractDocumentTests
{
    private static readonly string[] Examples = ReadExamples();

    [Fact]
    public void Every_json_example_in_the_contract_is_accepted()
    {
        Assert.NotEmpty(Examples);
        Assert.All(Examples, json => ParserFixture.Accepted<AfterSalesEvent>(ParserFixture.Parse(json)));
    }

    [Fact]
    public void The_contract_has_one_example_per_event_type()
    {
        var documented = Examples.Select(json => ParserFixture.Parse(json).Event!.Type).ToList();

        var domainTypes = typeof(AfterSalesEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AfterSalesEvent)) && !t.IsAbstract)
            .Select(t => t.Name);
        Assert.Equal(15, documented.Count);
        Assert.Equal(domainTypes.Order(), documented.Order());
    }

    [Fact]
    public void Every_example_round_trips_through_the_writer()
    {
        var parser = ParserFixture.Parser();
        foreach (var json in Examples)
        {
            var original = parser.Parse(json).Event!;

            var rewritten = parser.Parse(TicketEventWriter.ToJson(original, NodaTime.Offset.FromHours(8)));

            Assert.Equal(original, rewritten.Event);
        }
    }

    private static string[] ReadExamples()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "events.md"));
        return JsonBlock().Matches(markdown).Select(m => m.Groups["json"].Value).ToArray();
    }

    [GeneratedRegex(@"^```json\n(?<json>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
