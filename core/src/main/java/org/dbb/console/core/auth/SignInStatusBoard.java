package org.dbb.console.core.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The latest sign-in status of every environment, and a fan-out of changes to any number of subscribers (the
 * window's environment switcher, a settings page). Give it to {@code EnvironmentSignIn.builder().listener(...)}.
 * Thread-safe; subscribers are called on the thread that changed the status and must hand over themselves.
 */
public final class SignInStatusBoard implements SignInListener {

    private final Map<String, SignInStatus> latest = new ConcurrentHashMap<>();
    private final List<Consumer<SignInStatus>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void statusChanged(SignInStatus status) {
        latest.put(status.environment(), status);
        for (Consumer<SignInStatus> subscriber : subscribers) {
            subscriber.accept(status);
        }
    }

    /** The last status published for {@code environment}, if any. */
    public Optional<SignInStatus> latest(String environment) {
        return Optional.ofNullable(latest.get(environment));
    }

    /** Calls {@code subscriber} with every later change; the returned action unsubscribes. */
    public Runnable subscribe(Consumer<SignInStatus> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
