package io.tracked.agent.weaving;

import io.tracked.agent.event.EventBinding;

/**
 * Numbers every woven method's {@link EventBinding}, every event name and every host switch. The
 * numbers are compiled into the advice as constants, so a call finds its binding with one lookup in
 * an int table instead of reflection or a map. They are the same in every run ({@link StableIds}):
 * woven bytes kept by the weave cache from an earlier run carry them, and {@code claim...} takes them
 * back.
 */
public final class MethodBindings {

  private final StableIds<EventBinding> methods;
  private final StableIds<String> eventKeys;
  private final StableIds<String> switches;

  public MethodBindings() {
    this(StableIds.FNV1A, StableIds.ID_MASK);
  }

  /** With a chosen hash and id range: tests force collisions with a tiny one. */
  MethodBindings(StableIds.Hash hash, int idMask) {
    methods = new StableIds<>(hash, idMask);
    eventKeys = new StableIds<>(hash, idMask);
    switches = new StableIds<>(hash, idMask);
  }

  /** The id of the binding, registering it the first time (re-weaving a class reuses its ids). */
  public int register(EventBinding binding) {
    return methods.assign(identity(binding), binding);
  }

  /** Takes the id that woven bytes of an earlier run carry for {@code binding}; false when it is taken. */
  boolean claim(int id, EventBinding binding) {
    return methods.claim(id, binding, false);
  }

  /** The binding for the id, or {@code null} for an id this agent never issued. */
  public EventBinding get(int id) {
    return methods.get(id);
  }

  public int size() {
    return methods.size();
  }

  /**
   * The number of an event name, the same for every method that records it: a tracked call nested
   * in a call of the same event on the same thread is not counted again.
   */
  public int eventKey(String eventName) {
    return eventKeys.assign(eventName, eventName);
  }

  boolean claimEventKey(int key, String eventName) {
    return eventKeys.claim(key, eventName, true);
  }

  /** The id of a host {@code @TelemetrySwitch} method, named {@code Class#method}. */
  public int registerSwitch(String method) {
    return switches.assign(method, method);
  }

  boolean claimSwitch(int id, String method) {
    return switches.claim(id, method, false);
  }

  /** The switch method's name for the id, or {@code null} for an id this agent never issued. */
  public String switchMethod(int id) {
    return switches.get(id);
  }

  private static String identity(EventBinding binding) {
    return binding.className() + '#' + binding.methodName() + binding.descriptor();
  }
}
