package cn.lantai.audit.internal;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * The one Bouncy Castle provider the archive's SM2 keys, signatures and seals use. Setting it up registers every
 * algorithm it knows and loads their classes: about two seconds of a start on two cores, once per instance. So there is
 * one instance, and a start sets it up on a thread of its own while Spring reads the configuration (registered in
 * {@code META-INF/spring.factories}): the audit's keys find it ready.
 */
public final class Sm2Provider implements ApplicationListener<ApplicationStartingEvent> {

    private static final class Holder {
        static final Provider INSTANCE = new BouncyCastleProvider();
    }

    /** The provider, set up on first use. */
    public static Provider get() {
        return Holder.INSTANCE;
    }

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        Thread aside = new Thread(Sm2Provider::get, "sm2-provider-setup");
        aside.setDaemon(true);
        aside.start();
    }
}
