#include <cstdio>

int main() {
  std::puts("galley");
  return 0;
}
