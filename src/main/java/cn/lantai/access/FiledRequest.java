package cn.lantai.access;

import java.util.Optional;

/**
 * A request just filed, with the secret of the visitor's slip link ({@code /portal/requests/{slip}}) where a visitor
 * asked: given this once, kept only as its digest, so it cannot be shown again.
 */
public record FiledRequest(AccessRequest request, Optional<String> slip) {
}
