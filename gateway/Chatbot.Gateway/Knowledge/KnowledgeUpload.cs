using Chatbot.Conversations;
using Chatbot.Gateway.Http;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Ingestion;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Knowledge;

/// <summary>
/// <c>POST /api/v1/knowledge/upload</c>: multipart with an optional <c>dataset_id</c> field (default <c>default</c>),
/// one or more files under any field name, and an optional <c>document_id</c> when there is a single file. Every file is
/// checked (size, type, id) before anything is stored: one bad file rejects the whole request.
/// </summary>
internal static class KnowledgeUpload
{
    /// <summary>Files accepted in one request.</summary>
    public const int MaxFiles = 16;

    private const string DefaultContentType = "application/octet-stream";

    public static async Task<IResult> HandleAsync(
        HttpContext http, IGrainFactory grains, IOptions<KnowledgeOptions> options, DocumentParsers parsers,
        CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxUploadBytes;

        // 1. Read the form, allowing the request as a whole room for MaxFiles files at the size limit.
        if (!http.Request.HasFormContentType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                "The body must be multipart/form-data with one or more files.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = (maxBytes + 64 * 1024) * MaxFiles;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = (maxBytes + 64 * 1024) * MaxFiles }, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "files",
                $"The request is larger than {MaxFiles} files of {maxBytes} bytes each.");
        }
        catch (InvalidDataException ex)
        {
            return Problems.BadField("body", $"The multipart body could not be read: {ex.Message}");
        }

        // 2. Check every field and file before storing anything.
        var datasetId = form["dataset_id"].ToString() is { Length: > 0 } given ? given : DatasetKey.DefaultDataset;
        if (!DatasetKey.IsValidDataset(datasetId))
        {
            return KnowledgeEndpoints.InvalidDataset();
        }

        var files = form.Files;
        if (files.Count == 0)
        {
            return Problems.BadField("files", "Attach one or more files.");
        }

        if (files.Count > MaxFiles)
        {
            return Problems.BadField("files", $"At most {MaxFiles} files per request.");
        }

        var documentId = form["document_id"].ToString();
        if (documentId.Length > 0 && files.Count > 1)
        {
            return Problems.BadField("document_id", "document_id may only be given with a single file.");
        }

        var uploads = new List<(DocumentUpload Upload, IFormFile File)>();
        foreach (var file in files)
        {
            var (upload, refusal) = Check(file.FileName, file.ContentType, file.Length, documentId, maxBytes, parsers);
            if (refusal is not null)
            {
                var fileName = ("file_name", Path.GetFileName(file.FileName));
                return refusal switch
                {
                    { Status: StatusCodes.Status400BadRequest } => Problems.BadField(refusal.AboutDocumentId ? "document_id" : file.Name, refusal.Detail),
                    { DocumentType: { } type } => Problem(refusal.Status, file.Name, refusal.Detail, fileName, ("document_type", type)),
                    _ => Problem(refusal.Status, file.Name, refusal.Detail, fileName),
                };
            }

            var id = upload!.DocumentId;
            if (uploads.Any(u => u.Upload.DocumentId == id))
            {
                return Problems.BadField(file.Name, $"Two files would both be document '{id}'.");
            }

            uploads.Add((upload, file));
        }

        // 3. Hand each file to the knowledge base, which stores it and queues it for indexing.
        var grain = KnowledgeEndpoints.Grain(http, grains, datasetId);
        var accepted = new List<DocumentStatus>(uploads.Count);
        foreach (var (upload, file) in uploads)
        {
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, cancellationToken);
            }

            accepted.Add(await grain.UploadAsync(upload, content, cancellationToken));
        }

        return TypedResults.Accepted($"/api/v1/knowledge/status/{datasetId}", new UploadResponse(datasetId, accepted));
    }

    /// <summary>
    /// Checks one file before anything is stored: its size, that a parser reads its type, and its document id (the file
    /// name unless <paramref name="documentId"/> is given). The same checks for HTTP uploads and gRPC ones.
    /// </summary>
    public static (DocumentUpload? Upload, UploadRefusal? Refusal) Check(
        string fileName, string? contentType, long length, string? documentId, long maxBytes, DocumentParsers parsers)
    {
        fileName = Path.GetFileName(fileName);
        contentType = string.IsNullOrEmpty(contentType) ? DefaultContentType : contentType;
        if (length > maxBytes)
        {
            return (null, new UploadRefusal(StatusCodes.Status413PayloadTooLarge, false, $"'{fileName}' is {length} bytes; the limit is {maxBytes} bytes."));
        }

        try
        {
            parsers.GetParser(fileName, contentType);
        }
        catch (UnsupportedDocumentTypeException ex)
        {
            return (null, new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, false, ex.Message, ex.DocumentType));
        }

        var given = !string.IsNullOrEmpty(documentId);
        var id = given ? documentId! : fileName;
        if (!DatasetKey.IsValidDocumentId(id))
        {
            return (null, new UploadRefusal(StatusCodes.Status400BadRequest, given,
                $"'{id}' is not a valid document id: 1–{ConversationKey.MaxIdLength} printable characters without '/'."));
        }

        return (new DocumentUpload(id, fileName, contentType, length), null);
    }

    private static IResult Problem(int status, string field, string detail, params (string Key, string Value)[] extensions)
    {
        var values = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } };
        foreach (var (key, value) in extensions)
        {
            values[key] = value;
        }

        var title = status switch
        {
            StatusCodes.Status413PayloadTooLarge => "The upload is too large.",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type.",
            _ => "The request is invalid.",
        };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: values);
    }
}

/// <summary>Why a file was refused: the HTTP status it gets, whether the document id (else the file) is at fault, and
/// the type no parser reads (415).</summary>
internal sealed record UploadRefusal(int Status, bool AboutDocumentId, string Detail, string? DocumentType = null);
