namespace KylinMock.Jobs;

/// <summary>What the detail shows for a failed step (<c>JobService.getJobDetail</c>, <c>setExceptionResolveAndCodeAndReason</c>).</summary>
/// <param name="StepId">The failed step id, or the failed stage's id when a stage failed.</param>
/// <param name="StepName">The step name, replaced by the stage name for a stage.</param>
/// <param name="SegmentId">The segment whose stage failed, or null.</param>
/// <param name="Message">The root-cause message, at most 1000 characters.</param>
/// <param name="Stack">The failure stack.</param>
/// <param name="Code"><c>"&lt;code&gt;(&lt;description&gt;):"</c>.</param>
/// <param name="Reason">The reason from <c>job_exception_reason_*.properties</c>.</param>
/// <param name="Resolve">The resolve text from <c>job_exception_resolve_*.properties</c>.</param>
internal sealed record StepFailure(string StepId, string StepName, string? SegmentId, string? Message, string? Stack, string Code, string Reason, string Resolve);

/// <summary>
/// Kylin's failure explanation: the failure reason (else the stack's first line) is matched in order against
/// <c>exception_to_code.json</c> (a key matches when either string contains the other); the default is KE-030001000.
/// Reasons and resolves come in English, or in Chinese for exactly <c>Accept-Language: cn</c> (<c>KEFilter</c>).
/// </summary>
internal static class StepFailures
{
    private const string DefaultCode = "KE-030001000";
    private const int MaxMessage = 1000;

    // src/data-loading-service/src/main/resources/exception_to_code.json, in its order.
    private static readonly (string Key, string Code)[] ExceptionToCode =
    [
        ("date format not match", "KE-030001003"), ("java.lang.OutOfMemoryError", "KE-030001004"),
        ("No space left on device", "KE-030001005"), ("java.lang.ClassNotFoundException", "KE-030001006"),
        ("Can't get Kerberos realm", "KE-030001007"), ("Unable connect spark master to reach timeout maximum time", "KE-030001009"),
    ];

    // kylin_errorcode_conf_en.properties, job_exception_reason_en/_zh.properties, job_exception_resolve_en/_zh.properties.
    private static readonly Dictionary<string, (string Description, string ReasonEn, string ReasonZh, string ResolveEn, string ResolveZh)> Texts = new()
    {
        ["KE-030001000"] = ("Job building error", "Building job exception", "构建任务发生异常", "#TODO", "#TODO"),
        ["KE-030001003"] = ("Job date format not match error", "Model incremental construction, the time format of the time partition column is wrong",
            "模型增量构建时，时间分区列的时间格式错误", "#TODO#date_format_not_match", "#TODO#date_format_not_match"),
        ["KE-030001004"] = ("Job out of memory error", "OOM exception occurred during build", "构建时发生 OOM 异常", "#TODO#oom", "#TODO#oom"),
        ["KE-030001005"] = ("Job no space left on device error", "No space left on device during build", ">构建时空间不足",
            "#TODO#no_space_left_on_device", "#TODO#no_space_left_on_device"),
        ["KE-030001006"] = ("Job class not found exception", "Class not found when building", "构建时类未发现", "#TODO#class_not_found", "#TODO#class_not_found"),
        ["KE-030001007"] = ("Kerberos realm not found error", "Kerberos realm not found", "未发现Kerberos realm", "#TODO#kerberos_realm_not_found", "#TODO"),
        ["KE-030001009"] = ("Spark master node is unreachable", "The Spark master node of the building cluster is unreachable, please try again when the node is online.",
            "构建集群的 Spark 主节点无响应，请在节点恢复后重试。", "#TODO", "#TODO"),
    };

    /// <summary>The failure of step <paramref name="index"/>, or null unless it is the job's failed (ERROR) step.</summary>
    public static StepFailure? Of(Job job, int index, StepStages? stages, bool chinese)
    {
        var step = job.Steps[index];
        if (step.State != ExecutableState.ERROR)
        {
            return null;
        }

        var (id, name, segment) = (step.Id, step.Name, (string?)null);
        if (stages is not null)
        {
            foreach (var copy in (IEnumerable<SegmentStages>?)stages.Segments ?? [])
            {
                foreach (var stage in copy.Stages)
                {
                    if (stage.Status == JobStatus.ERROR && JobStages.PerSegment(step.Name))
                    {
                        (id, name, segment) = (stage.Id, stage.Name, stage.SequenceId < 2 ? null : copy.SegmentId);
                        goto found;
                    }
                }
            }

            foreach (var stage in stages.SubStages)
            {
                if (stage.Status == JobStatus.ERROR)
                {
                    (id, name) = (stage.Id, stage.Name);
                    break;
                }
            }
        }

    found:
        var code = CodeOf(step.FailedMessage, step.FailedStack);
        var texts = Texts[code];
        var reason = chinese ? texts.ReasonZh : texts.ReasonEn;
        if (code == DefaultCode && !string.IsNullOrWhiteSpace(step.FailedMessage))
        {
            reason += ": " + step.FailedMessage;
        }

        var message = step.FailedMessage is { Length: > MaxMessage } long_ ? long_[..MaxMessage] : step.FailedMessage;
        return new StepFailure(id, name, segment, message, step.FailedStack, code + "(" + texts.Description + "):", reason,
            chinese ? texts.ResolveZh : texts.ResolveEn);
    }

    /// <summary>The code of a failure (<c>JobService.getExceptionCode</c>).</summary>
    public static string CodeOf(string? reason, string? stack)
    {
        var text = reason;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (string.IsNullOrWhiteSpace(stack))
            {
                return DefaultCode;
            }

            text = stack.Split('\n')[0];
        }

        foreach (var (key, code) in ExceptionToCode)
        {
            if (text.Contains(key, StringComparison.Ordinal) || key.Contains(text, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return DefaultCode;
    }
}
