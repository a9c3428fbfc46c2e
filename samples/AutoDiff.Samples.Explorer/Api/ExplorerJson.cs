using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoDiff.Samples.Explorer.Api;

/// <summary>The API's JSON settings: camelCase, and NaN/Infinity written as strings since JSON has no such numbers.</summary>
public static class ExplorerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
