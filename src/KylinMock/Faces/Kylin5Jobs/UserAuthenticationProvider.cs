using KylinMock.Answers;
using KylinMock.Errors;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>
/// <c>GET|POST /kylin/api/user/authentication</c>: the logged-in user as Kylin's <c>ManagedUser</c>,
/// without any password (Kylin's <c>passwordFilter</c> in <c>AppConfig</c> leaves it out); without credentials 401 KE-010003209.
/// </summary>
internal sealed class UserAuthenticationProvider : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var account = context.User ?? throw new KylinException(ErrorCode.UserAuthInfoNotFound).WithStatus(401);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("username", account.User.Username);
            w.WritePropertyName("authorities");
            w.WriteStartArray();
            foreach (var authority in account.User.Authorities)
            {
                w.WriteStartObject();
                w.Property("authority", authority);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Field(w, "disabled", account.User.Disabled);
            Field(w, "defaultPassword", false);
            Field(w, "locked", account.Locked);
            Field(w, "uuid", account.Uuid);
            Field(w, "last_modified", account.LastModified);
            Field(w, "create_time", account.CreateTime);
            Field(w, "version", "4.0.0.0");
            Field(w, "mvcc", 0L);
            Field(w, "locked_time", account.LockedTime);
            Field(w, "wrong_time", account.WrongTime);
            Field(w, "first_login_failed_time", account.FirstLoginFailedTime);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }

    private static void Field(JsonWriter w, string name, object value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }
}
