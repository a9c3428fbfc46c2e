using System.Text.Json;
using AutoDiff.Samples.Explorer.Analysis;

namespace AutoDiff.Samples.Explorer.Api;

/// <summary>
/// Reads a JSON body with a hard byte limit: the explorer stops reading at the limit instead of buffering
/// whatever a client sends, and answers 413 or 400 with a diagnostic.
/// </summary>
public static class RequestReader
{
    public static async Task<(T? Request, ExplorerDiagnostic? Problem, int Status)> ReadAsync<T>(
        HttpRequest request, ExplorerLimits limits, CancellationToken cancellation)
        where T : class
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limits.MaxRequestBytes)
            {
                return (null, ExplorerDiagnostic.Error(DiagnosticIds.TooLarge,
                    $"The request is larger than {limits.MaxRequestBytes / 1024:N0} KB; the explorer takes one method of at most {limits.MaxSourceChars:N0} characters."),
                    StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ExplorerJson.Options);
            return parsed is null
                ? (null, BadRequest("The body must be a JSON object."), StatusCodes.Status400BadRequest)
                : (parsed, null, StatusCodes.Status200OK);
        }
        catch (JsonException error)
        {
            return (null, BadRequest($"The body is not the JSON this endpoint takes: {error.Message}"), StatusCodes.Status400BadRequest);
        }
    }

    public static ExplorerDiagnostic BadRequest(string message) => ExplorerDiagnostic.Error(DiagnosticIds.BadRequest, message);
}
