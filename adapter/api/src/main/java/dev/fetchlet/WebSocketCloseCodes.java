package dev.fetchlet;

/**
 * WebSocket close codes (RFC 6455, section 7.4) that applications send or see most often.
 *
 * <pre>{@code
 * session.close(WebSocketCloseCodes.POLICY_VIOLATION, "not allowed in this room");
 * }</pre>
 */
public final class WebSocketCloseCodes {
    /** 1000: the purpose of the connection was fulfilled. */
    public static final int NORMAL = 1000;
    /** 1001: the server is going down, or a browser tab navigated away; also sent on an idle timeout. */
    public static final int GOING_AWAY = 1001;
    /** 1002: the peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a message of a kind (text or binary) the endpoint does not accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1006: never sent; reported when the connection broke without a close frame. */
    public static final int ABNORMAL = 1006;
    /** 1007: a text message that is not valid UTF-8. */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: a message that breaks the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a message larger than the endpoint accepts. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1011: the server hit an unexpected condition, such as a listener that threw. */
    public static final int INTERNAL_ERROR = 1011;
    /** 1013: the server is overloaded, or the client reads too slowly; try again later. */
    public static final int TRY_AGAIN_LATER = 1013;

    private WebSocketCloseCodes() {
    }

    /**
     * Whether an endpoint may send {@code code} in a close frame: 1000-1003, 1007-1014, or an application code in
     * 3000-4999. The codes 1004-1006 and 1015 are reserved and never sent.
     */
    public static boolean isSendable(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
