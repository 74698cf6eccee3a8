namespace CallCenter.Sip.Tests.Auth;

/// <summary>Example values from RFC 7616 §3.9.1 and RFC 2617 §3.5.</summary>
internal static class RfcVectors
{
    public const string Username = "Mufasa";
    public const string Method = "GET";
    public const string RequestUri = "/dir/index.html";

    public static class Rfc7616
    {
        public const string Password = "Circle of Life";
        public const string Realm = "http-auth@example.org";
        public const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        public const string Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
        public const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        public const uint NonceCount = 1;
        public const string Md5Response = "8ca523f5e9506fed4657c9700eebdbec";
        public const string Sha256Response = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

        /// <summary>The SHA-256 challenge of §3.9.1 as it appears on the wire, folded over several lines.</summary>
        public const string Sha256Challenge =
            "Digest\r\n       realm=\"http-auth@example.org\",\r\n       qop=\"auth, auth-int\",\r\n"
            + "       algorithm=SHA-256,\r\n       nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
            + "       opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

        /// <summary>The MD5 Authorization of §3.9.1, folded as printed.</summary>
        public const string Md5Authorization =
            "Digest username=\"Mufasa\",\r\n       realm=\"http-auth@example.org\",\r\n       uri=\"/dir/index.html\",\r\n"
            + "       algorithm=MD5,\r\n       nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n       nc=00000001,\r\n"
            + "       cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\",\r\n       qop=auth,\r\n"
            + "       response=\"8ca523f5e9506fed4657c9700eebdbec\",\r\n       opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    }

    public static class Rfc2617
    {
        public const string Password = "Circle Of Life";
        public const string Realm = "testrealm@host.com";
        public const string Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        public const string Opaque = "5ccc069c403ebaf9f0171e9517f40e41";
        public const string Cnonce = "0a4f113b";
        public const string Ha1 = "939e7578ed9e3c518a452acee763bce9";
        public const string Response = "6629fae49393a05397450978507c4ef1";

        public const string Authorization =
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
            + "uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", "
            + "response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    }
}
