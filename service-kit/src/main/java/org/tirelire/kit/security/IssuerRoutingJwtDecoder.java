package org.tirelire.kit.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks each token with the decoder of the issuer it names, and refuses tokens from any other issuer
 * before anything else: the gateway's own tokens against its JWKS, and, when one is configured, an
 * OpenID Connect provider's (Keycloak, say) against that provider's keys. The issuer named in an
 * unverified token only chooses which keys verify it; a token a trusted issuer did not sign fails there.
 */
public final class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final Map<String, JwtDecoder> decodersByIssuer;

    public IssuerRoutingJwtDecoder(Map<String, JwtDecoder> decodersByIssuer) {
        this.decodersByIssuer = Map.copyOf(decodersByIssuer);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("Not a JWT", e);
        }
        JwtDecoder decoder = issuer == null ? null : decodersByIssuer.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("Tokens from this issuer are not trusted");
        }
        return decoder.decode(token);
    }
}
