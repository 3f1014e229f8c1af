using System.Text.Json.Nodes;

namespace AfterSales.Core.Tests.Events;

/// <summary>The smallest valid payload of each event type (required fields only), to be varied by tests.</summary>
internal static class EventPayloads
{
    private const string Envelope = """
        "eventId": "e-1", "ticketId": "T-1", "occurredAt": "2026-10-09T09:12:00+08:00"
        """;

    private const string Customer = """
        "customer": { "id": "C-1", "name": "张伟" }
        """;

    private static readonly Dictionary<string, string> Minimal = new()
    {
        ["TicketOpened"] = $$"""
            { "type": "TicketOpened", {{Envelope}}, {{Customer}},
              "channel": "phone", "category": "repair", "priority": "P2", "team": "shanghai-service",
              "owner": { "id": "E-1", "name": "李娜" }, "summary": "热泵不制热" }
            """,
        ["TicketAssigned"] = $$"""{ "type": "TicketAssigned", {{Envelope}}, "owner": { "id": "E-2", "name": "王强" } }""",
        ["AgentResponded"] = $$"""{ "type": "AgentResponded", {{Envelope}} }""",
        ["CustomerReplied"] = $$"""{ "type": "CustomerReplied", {{Envelope}} }""",
        ["StatusChanged"] = $$"""{ "type": "StatusChanged", {{Envelope}}, "status": "on-hold" }""",
        ["CommitmentMade"] = $$"""{ "type": "CommitmentMade", {{Envelope}}, "dueBy": "2026-10-10T17:00:00+08:00" }""",
        ["AppointmentScheduled"] = $$"""
            { "type": "AppointmentScheduled", {{Envelope}}, "appointmentId": "A-1", "visitAt": "2026-10-11T14:00:00+08:00" }
            """,
        ["AppointmentCancelled"] = $$"""{ "type": "AppointmentCancelled", {{Envelope}}, "appointmentId": "A-1" }""",
        ["TicketResolved"] = $$"""{ "type": "TicketResolved", {{Envelope}} }""",
        ["TicketReopened"] = $$"""{ "type": "TicketReopened", {{Envelope}} }""",
        ["TicketClosed"] = $$"""{ "type": "TicketClosed", {{Envelope}} }""",
        ["PriorityChanged"] = $$"""{ "type": "PriorityChanged", {{Envelope}}, "priority": "P1" }""",
        ["ProductDelivered"] = $$"""
            { "type": "ProductDelivered", "eventId": "e-1", "occurredAt": "2026-09-28T15:20:00+08:00",
              {{Customer}}, "installationId": "SN-1" }
            """,
        ["InstallationHandedOver"] = $$"""
            { "type": "InstallationHandedOver", "eventId": "e-1", "occurredAt": "2026-10-08T17:45:00+08:00",
              {{Customer}}, "installationId": "INST-1" }
            """,
    };

    public static IEnumerable<string> Types => Minimal.Keys;

    public static JsonObject Of(string type) => JsonNode.Parse(Minimal[type])!.AsObject();

    public static JsonObject TicketOpened() => Of("TicketOpened");

    /// <summary>Sets the value at a dotted path such as <c>customer.phone</c>; null writes a JSON null.</summary>
    public static JsonObject With(this JsonObject payload, string path, JsonNode? value)
    {
        var (parent, name) = ParentOf(payload, path);
        parent[name] = value;
        return payload;
    }

    public static JsonObject Without(this JsonObject payload, string path)
    {
        var (parent, name) = ParentOf(payload, path);
        parent.Remove(name);
        return payload;
    }

    private static (JsonObject Parent, string Name) ParentOf(JsonObject payload, string path)
    {
        var names = path.Split('.');
        var parent = payload;
        foreach (var name in names[..^1])
        {
            parent = parent[name]!.AsObject();
        }

        return (parent, names[^1]);
    }
}
