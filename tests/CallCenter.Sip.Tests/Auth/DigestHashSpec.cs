using System.Security.Cryptography;
using System.Text;
using CallCenter.Sip.Auth;
using static CallCenter.Sip.Tests.Auth.RfcVectors;

namespace CallCenter.Sip.Tests.Auth;

public class DigestHashSpec
{
    [Theory]
    [InlineData(DigestAlgorithm.Md5, Rfc7616.Md5Response)]
    [InlineData(DigestAlgorithm.Sha256, Rfc7616.Sha256Response)]
    public void DigestHash_should_reproduce_the_RFC_7616_example_responses(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = DigestHash.ComputeHa1(algorithm, Username, Rfc7616.Realm, Rfc7616.Password);

        var response = DigestHash.ComputeResponse(
            algorithm, ha1, Rfc7616.Nonce, Method, RequestUri, DigestQop.Auth, Rfc7616.Cnonce, Rfc7616.NonceCount);

        Assert.Equal(expected, response);
    }

    [Fact]
    public void DigestHash_should_reproduce_the_RFC_2617_example_HA1_and_response()
    {
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, Username, Rfc2617.Realm, Rfc2617.Password);

        var response = DigestHash.ComputeResponse(
            DigestAlgorithm.Md5, ha1, Rfc2617.Nonce, Method, RequestUri, DigestQop.Auth, Rfc2617.Cnonce, 1);

        Assert.Equal(Rfc2617.Ha1, ha1);
        Assert.Equal(Rfc2617.Response, response);
    }

    [Fact]
    public void DigestHash_should_compute_the_RFC_2069_form_when_there_is_no_qop()
    {
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, Username, Rfc2617.Realm, Rfc2617.Password);

        var response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, Rfc2617.Nonce, Method, RequestUri, DigestQop.None, null, 0);

        // RFC 2069 §2.1.2: response = H(HA1 ":" nonce ":" H(method ":" uri)).
        var ha2 = Md5Hex($"{Method}:{RequestUri}");
        Assert.Equal(Md5Hex($"{ha1}:{Rfc2617.Nonce}:{ha2}"), response);
    }

    [Fact]
    public void DigestHash_should_fold_nonce_and_cnonce_into_HA1_for_sess_algorithms()
    {
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5Sess, Username, Rfc2617.Realm, Rfc2617.Password);

        var response = DigestHash.ComputeResponse(
            DigestAlgorithm.Md5Sess, ha1, Rfc2617.Nonce, Method, RequestUri, DigestQop.Auth, Rfc2617.Cnonce, 1);

        // RFC 7616 §3.4.2: A1 = H(user:realm:password) ":" nonce ":" cnonce for the -sess variants.
        Assert.Equal(Rfc2617.Ha1, ha1);
        var sessionHa1 = Md5Hex($"{Rfc2617.Ha1}:{Rfc2617.Nonce}:{Rfc2617.Cnonce}");
        var ha2 = Md5Hex($"{Method}:{RequestUri}");
        Assert.Equal(Md5Hex($"{sessionHa1}:{Rfc2617.Nonce}:00000001:{Rfc2617.Cnonce}:auth:{ha2}"), response);
    }

    [Fact]
    public void DigestHash_should_hash_non_ascii_input_as_utf8()
    {
        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Sha256, "José", "réalm", "pässwörd");

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("José:réalm:pässwörd")));
        Assert.Equal(expected, ha1);
    }

    [Fact]
    public void DigestHash_should_handle_inputs_longer_than_its_stack_buffer()
    {
        var longPassword = new string('p', 5000);

        var ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, Username, Rfc2617.Realm, longPassword);

        Assert.Equal(Md5Hex($"{Username}:{Rfc2617.Realm}:{longPassword}"), ha1);
    }

    [Fact]
    public void DigestHash_should_refuse_qop_without_cnonce()
    {
        Assert.Throws<ArgumentException>(() =>
            DigestHash.ComputeResponse(DigestAlgorithm.Md5, Rfc2617.Ha1, Rfc2617.Nonce, Method, RequestUri, DigestQop.Auth, null, 1));
    }

    private static string Md5Hex(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
}
