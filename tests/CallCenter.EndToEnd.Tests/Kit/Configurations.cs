namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>Node configurations the end-to-end tests run with.</summary>
internal static class Configurations
{
    public const string AlicePassword = "alice-secret";
    public const string BobPassword = "bob-secret";

    /// <summary>The password of one of <see cref="ManyAgents"/>' agents.</summary>
    public static string PasswordOf(string agent) => agent + "-secret";

    /// <summary><see cref="TwoAgents"/>' queue with agents agent1 … agentN (password: <see cref="PasswordOf"/>) instead.</summary>
    public static string ManyAgents(int count, string extra = "")
    {
        var agents = string.Join("\n", Enumerable.Range(1, count).Select(i => $"agent{i} {{ password = \"{PasswordOf($"agent{i}")}\", queues = [support] }}"));
        return $$"""
            callcenter {
              domain = "127.0.0.1"
              sip { t1 = 500ms }
              registrar { algorithms = [MD5, SHA-256] }
              queues { support { strategy = round-robin } }
              agents {
            {{agents}}
              }
              {{extra}}
            }
            """;
    }

    /// <summary>One queue (support, round-robin) and two agents. MD5 is challenged first because SIPp answers only the
    /// first challenge and only with MD5; SHA-256 is still offered.</summary>
    public static string TwoAgents(string queueExtra = "") => $$"""
        callcenter {
          domain = "127.0.0.1"
          sip { t1 = 500ms }
          registrar { algorithms = [MD5, SHA-256] }
          # A test that ends with a call still open stops its node (quit) without waiting out the default 10 s.
          shutdown { grace-period = 1s }
          queues {
            support {
              strategy = round-robin
              {{queueExtra}}
            }
          }
          agents {
            alice { password = "{{AlicePassword}}", queues = [support] }
            bob { password = "{{BobPassword}}", queues = [support] }
          }
        }
        """;
}
