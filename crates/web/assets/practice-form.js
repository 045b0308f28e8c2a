// The practice form's sub-areas follow its axis: only the chosen axis's group is offered, and a
// sub-area of another axis is cleared when the axis changes. Without this script the server
// lists every axis's group, or the chosen one's when the form comes back.
(function () {
  var axis = document.getElementById("f-axis");
  var subArea = document.getElementById("f-sub_area");
  if (!axis || !subArea) return;
  function follow() {
    var chosen = axis.value;
    Array.prototype.forEach.call(subArea.querySelectorAll("optgroup"), function (group) {
      var off = chosen !== "" && group.dataset.axis !== chosen;
      group.hidden = off;
      group.disabled = off;
    });
    var selected = subArea.options[subArea.selectedIndex];
    if (selected && selected.parentNode.disabled) subArea.value = "";
  }
  axis.addEventListener("change", follow);
  follow();
})();
