using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoDiff.Explorer.Tests.Infrastructure;

/// <summary>Posts JSON to the explorer and hands back the status and the parsed body.</summary>
public sealed class ApiClient(HttpClient http, TimeSpan timeout)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = WithTimeout(http, timeout);

    public Task<ApiReply> Differentiate(string source, object? point) => Post("/api/differentiate", new { source, point });

    public Task<ApiReply> Post(string path, object body) => PostRaw(path, JsonSerializer.Serialize(body, Options));

    public async Task<ApiReply> PostRaw(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiReply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static HttpClient WithTimeout(HttpClient http, TimeSpan timeout)
    {
        http.Timeout = timeout;
        return http;
    }
}

public sealed record ApiReply(HttpStatusCode Status, JsonNode? Body)
{
    public double Value => Body!["value"]!.GetValue<double>();

    public double Gradient(string name) => Body!["gradient"]![name]!.GetValue<double>();

    public IReadOnlyList<JsonNode> Diagnostics => Body!["diagnostics"]!.AsArray().Select(d => d!).ToList();

    public JsonNode Diagnostic(string id) =>
        Diagnostics.FirstOrDefault(d => (string?)d["id"] == id)
        ?? throw new Xunit.Sdk.XunitException($"No diagnostic {id} in {Body?.ToJsonString()}");

    public override string ToString() => $"{(int)Status} {Body?.ToJsonString()}";
}
