namespace KylinMock.Http;

/// <summary>One Kylin operation (a <c>JobController</c> method): reads the request, asks the domain, answers.</summary>
internal interface IKylinOperation
{
    /// <summary>Answers an authenticated request whose Accept was acceptable; Kylin errors are thrown as KylinExceptions.</summary>
    KylinAnswer Handle(KylinRequest request, RequestContext context);

    /// <summary>The operation's name as the journal records it, or null to name it after the provider's type.</summary>
    string? Name => null;
}

/// <summary>What the pipeline learned before the operation runs.</summary>
/// <param name="Language">The message bundle.</param>
/// <param name="ContentType">The negotiated response type.</param>
/// <param name="User">The authenticated user, or null where the operation allows anonymous calls.</param>
/// <param name="Path">The values the route's path captured (for example <c>job_id</c>), decoded.</param>
internal sealed record RequestContext(Errors.Language Language, string ContentType, Security.UserAccount? User, IReadOnlyDictionary<string, string> Path);
