package org.thirdparty.editor;

/** A library interface; what ran lives on the implementing object. */
public interface Action {
  void actionPerformed(Object event);
}
